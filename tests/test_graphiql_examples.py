"""GraphiQL of the app offers the README's example operations as tabs, titled by their names."""

from __future__ import annotations

import json
import re

from server.examples import readme_examples
from tests.conftest import GraphQLClient


async def test_the_ide_offers_the_readme_examples(gql: GraphQLClient) -> None:
    # given the README's examples
    examples = readme_examples()
    assert len(examples) >= 5
    # when a browser asks for the IDE page
    response = await gql.client.get("/graphql", headers={"accept": "text/html"})
    # then its tabs are the default query followed by every example, in the README's order
    assert response.status_code == 200
    found = re.search(r"var tabs = (\[.*?\]);\n", response.text)
    assert found, "no tabs in the page"
    tabs = json.loads(found.group(1))
    assert tabs[1:] == examples
    assert "PeopleWhoServedAVillage" in tabs[1]
