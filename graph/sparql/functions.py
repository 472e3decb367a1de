"""govkg's custom SPARQL functions, offered by every query worker.

- ``govkg:searchKey(?text)`` — the accent- and case-free key of some text;
- ``govkg:wordsMatch(?text, ?words)`` — every word of ``?words`` begins a word of
  ``?text``, accents and case ignored ("van thai" matches "Hoàng Văn Thái").
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from ontology.namespaces import GOVKG
from ontology.orthography import search_key

#: ``govkg:searchKey(?text)`` → accent- and case-free key.
SEARCH_KEY_FUNCTION = str(GOVKG.searchKey)
#: ``govkg:wordsMatch(?text, ?words)`` → whether every word of ``?words`` begins a word of ``?text``.
WORDS_MATCH_FUNCTION = str(GOVKG.wordsMatch)

_XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_WORD = re.compile(r"[a-z0-9]+")
_TRUE = ox.Literal("true", datatype=_XSD_BOOLEAN)
_FALSE = ox.Literal("false", datatype=_XSD_BOOLEAN)


def words_match(text: str, words: str) -> bool:
    """True when every word of ``words`` begins a word of ``text`` (accents and case ignored)."""
    found = _WORD.findall(search_key(text))
    wanted = _WORD.findall(search_key(words))
    return bool(wanted) and all(any(word.startswith(w) for word in found) for w in wanted)


def _search_key_function(term: Any) -> ox.Literal | None:
    if isinstance(term, ox.Literal):
        return ox.Literal(search_key(term.value))
    return None


def _words_match_function(text: Any, words: Any) -> ox.Literal | None:
    if isinstance(text, ox.Literal) and isinstance(words, ox.Literal):
        return _TRUE if words_match(text.value, words.value) else _FALSE
    return None


#: The functions by IRI, as ``pyoxigraph.Store.query`` takes them (``custom_functions=``).
CUSTOM_FUNCTIONS = {
    ox.NamedNode(SEARCH_KEY_FUNCTION): _search_key_function,
    ox.NamedNode(WORDS_MATCH_FUNCTION): _words_match_function,
}
