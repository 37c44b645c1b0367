import time

import pytest

from marsad.errors import PageRejected
from marsad.pipeline import TIMEOUT_REPEAT_SECONDS, time_limit


def test_a_timeout_swallowed_once_is_raised_again_until_the_page_gives_up():
    swallowed = 0
    start = time.monotonic()
    with pytest.raises(PageRejected) as rejected:
        with time_limit(0.2, "slow.txt"):
            while time.monotonic() - start < 10:
                try:
                    while time.monotonic() - start < 10:
                        pass  # a stage that never ends
                except PageRejected:
                    swallowed += 1  # as a garbage-collector callback drops a raise
                    if swallowed > 1:
                        raise
    took = time.monotonic() - start
    assert rejected.value.reason == "timeout" and swallowed == 2
    assert took < 0.2 + 2 * TIMEOUT_REPEAT_SECONDS + 0.5


def test_the_alarm_is_disarmed_after_a_page_ends_in_time():
    with time_limit(0.3, "quick.txt"):
        pass
    time.sleep(0.3 + 2 * TIMEOUT_REPEAT_SECONDS)  # no alarm may fire here
    with pytest.raises(PageRejected):
        with time_limit(0.1, "slow.txt"):
            time.sleep(2)
    time.sleep(2 * TIMEOUT_REPEAT_SECONDS)  # nor after a timeout
