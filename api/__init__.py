"""The HTTP front end: a thin layer over ``services`` (as ``cli/`` is the other), read by dashboards and analysts.

- ``app`` — the FastAPI app: the graph provider behind it, the routers in front of it, the middleware;
- ``routers/`` — one module per resource or protocol (``persons``, ``meetings`` …, ``sparql``, ``cypher``, ``export``);
- ``parameters`` — the dependencies and the route parameters several routes share;
- ``problems`` — the one place an error becomes an RFC 9457 problem answer;
- ``provider`` — the graph as the API serves it: bounded reads over snapshots, serialized writes;
- ``response_cache`` — whole GET answers kept per store generation;
- ``models``, ``summaries``, ``evidence``, ``filters``, ``identifiers``, ``paging`` — the response schemas
  and what turns rows into them, query-string values into RDF terms, ids into IRIs, lists into pages;
- ``static/`` — the explorer page.
"""
