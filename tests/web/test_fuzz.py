"""Schema-driven fuzzing: every operation in the OpenAPI spec, with valid and invalid
generated requests, answers without a server error, and every error in the one JSON shape."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

from webdata import TOKEN  # noqa: E402

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def operations(web_db, extractor, tmp_path_factory):
    import shutil

    from wirewatch.config import Settings
    from wirewatch.web.app import create_app

    # Its own copy of the store: fuzzed writes must not change what other tests read.
    copy = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copy(web_db.replace("web.duckdb", "pristine.duckdb"), copy)
    rules = copy.with_name("rules.yaml")
    rules.write_text("rules: []\n")
    app = create_app(Settings(db=str(copy), rule_files=(rules,)), token=TOKEN)
    app.state.wirewatch._extractor = extractor
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    found = [result.ok() for result in schema.get_all_operations()]
    assert len(found) >= 14
    return found


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_fails_with_a_server_error(operations, mode):
    # Half the requests carry the token, so the write paths are fuzzed past the auth check.
    strategy = st.one_of(*(op.as_strategy(generation_mode=mode) for op in operations))

    @given(case=strategy, with_token=st.booleans())
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case, with_token):
        headers = {"Authorization": f"Bearer {TOKEN}"} if with_token else None
        response = case.call(headers=headers)
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text}"
        if response.status_code >= 400:
            body = response.json()
            assert body["error"]["status"] == response.status_code
            assert body["error"]["message"]

    check()
