"""When an undated article's statements hold: the date of the meeting they are stated at, or a year.

An article with no date of its own still dates what it reports when it dates a
meeting: a post stated in one of the meeting's sentences ("Ông A – Phó Chủ tịch
UBND tỉnh chủ trì cuộc họp") is reported on the meeting's day; a figure takes
the date of the meeting its sentence reports, else of the article's one dated
meeting, else the year its own sentence gives ("tỷ lệ … năm 2011 đạt 80%").
A dated article needs none of this: its statements are reported on its date.
"""

from __future__ import annotations

from loaders.article import Article
from loaders.extraction.dates import latest_year
from loaders.record import Extraction, Meeting


def date_undated_statements(extraction: Extraction) -> None:
    """Give the posts and figures of an article without a publication date the dates it reports."""
    article = extraction.article
    if article.published is not None:
        return
    dated = [m for m in extraction.meetings if m.date is not None]
    for person in extraction.persons:
        for post in person.posts:
            meeting = _meeting_of(article, dated, post.evidence.start)
            if meeting is not None:
                post.reported_on, post.dated_by = meeting.date, meeting
    for observation in extraction.observations:
        meeting = _meeting_of(article, dated, observation.evidence.start)
        if meeting is None and len(dated) == 1:
            meeting = dated[0]
        if meeting is not None:
            observation.ref_date, observation.dated_by = meeting.date, meeting
            continue
        sentence = article.sentence_at(observation.evidence.start)
        observation.ref_year = latest_year(article.text, sentence.start, sentence.end)


def _meeting_of(article: Article, dated: list[Meeting], offset: int) -> Meeting | None:
    """The dated meeting whose sentences hold ``offset``, if one does."""
    index = article.sentence_at(offset).index
    return next((m for m in dated if index in m.sentences), None)
