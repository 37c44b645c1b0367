"""`marsad watch`: poll outlets' feeds and sitemaps and store new articles as they appear.

sources.py (the sources file) -> poller.py (one worker per host; one storing loop)
-> fetch.py (polite, bounded HTTP) with guard.py (no private addresses) and robots.py
-> feeds.py (RSS/Atom/sitemaps to links) -> the pipeline and the store.
"""
