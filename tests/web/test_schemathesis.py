"""Property-based calls of every API operation against the running app: no 5xx, ever.

The same check as `schemathesis run http://127.0.0.1:PORT/api/openapi.json --checks
not_a_server_error`, bounded to FUZZ_EXAMPLES cases per operation to keep the suite short.
(Schemathesis' own pytest plugin fails on pytest 9, so operations are driven one by one.)
"""

from __future__ import annotations

import pytest
from web_store import TOKEN

schemathesis = pytest.importorskip("schemathesis", reason="needs schemathesis: pip install schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402 - after the optional import

FUZZ_EXAMPLES = 15

pytestmark = pytest.mark.slow


def test_no_operation_answers_5xx(fuzz_url):
    schema = schemathesis.openapi.from_url(f"{fuzz_url}/api/openapi.json")
    calls = []

    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def fuzz(case):
            calls.append(case.operation.label)
            case.call_and_validate(
                headers={"Authorization": f"Bearer {TOKEN}"}, checks=[schemathesis.checks.not_a_server_error]
            )

        fuzz()
    assert len(set(calls)) == 19 and len(calls) >= 19 * 5
