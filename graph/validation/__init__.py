"""SHACL validation: article graphs against the shapes before they are written, and the store as a whole.

- ``shapes`` — the shapes (``ontology/shapes.ttl`` plus one notation shape per document type) and
  validating a batch of article graphs in one pySHACL run;
- ``report`` — re-validating every article in the store, and what the quarantine holds.
"""
