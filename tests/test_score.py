"""The score (mtqa.score): spreads, keeps the order of penalties, and the verdict claims only
what the checks found."""
from mtqa.finding import Finding
from mtqa.score import Thresholds, score, verdict


def found(*severities):
    return [Finding("r", "fluency/grammar", s, i, i + 1, "m") for i, s in enumerate(severities)]


def test_more_penalty_always_scores_lower_and_never_reaches_the_floor():
    scores = [score(found(*["major"] * n), 100) for n in range(0, 20)]
    assert scores[0] == 100.0
    assert all(a > b for a, b in zip(scores, scores[1:])), scores
    assert scores[-1] > 0.0


def test_longer_article_with_the_same_findings_scores_higher():
    assert score(found("major"), 400) > score(found("major"), 100)


def test_short_texts_are_scored_as_min_words():
    assert score(found("major"), 5) == score(found("major"), 50)


def test_verdicts():
    assert verdict([], 100) == "clear"
    assert verdict(found("minor"), 1000) == "minor"
    assert verdict(found("major"), 1000) == "review"
    assert verdict(found("critical"), 10000) == "hold"
    assert verdict(found(*["major"] * 10), 100) == "hold"
    assert verdict(found("minor"), 1000, Thresholds(publish_at=99.9, review_below=10)) == "review"
