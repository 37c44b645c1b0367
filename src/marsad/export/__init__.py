"""Exports of stored articles and events (JSONL, CSV, Parquet, GDELT TSV) and Atom feeds.

Writers take rows as the store's read queries give them (`marsad.store.queries`) and yield
text lines or bytes, so the web app can stream them and a command can write them to a file.
"""
