"""One module per resource (``persons``, ``organizations``, ``provinces``, ``legal_documents``, ``meetings``,
``articles``, ``evidence``, ``search``), per protocol (``sparql``, ``cypher``, ``named_queries``) and per view
(``export``, ``analytics``, ``explorer``, ``health``); ``api.app.ROUTERS`` lists them in matching order.
"""
