"""A young person's promise checks cost the same number of SQL statements however many there are."""
from tests.factories import YoungPersonFactory
from tests.tellus.test_query_counts import cost


def checks_cost(api_as, checks):
    young = api_as(young_person=YoungPersonFactory())
    promises = young.get("/api/v1/me/promises").json["promises"]
    for n in range(checks):
        answers = [{"promise_id": p["id"], "rating": "partly", "comment": f"I want more say ({n})"} for p in promises]
        assert young.post("/api/v1/me/promise-checks", json={"answers": answers}).status_code == 201
    assert len(young.get("/api/v1/me/promise-checks").json) == checks
    return cost(lambda: young.get("/api/v1/me/promise-checks"))


def test_my_promise_checks_cost_the_same_for_one_check_or_five(api_as):
    one, five = checks_cost(api_as, 1), checks_cost(api_as, 5)
    print(f"GET /me/promise-checks: {one} statements for 1 check, {five} for 5")
    assert five == one
