"""The extractors: one module per kind of thing an article states, composed by ``loaders.pipeline``."""
