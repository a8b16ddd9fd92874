"""Shared checks for the input formats: every position must point into the original file."""
from typing import List


def text_at(file_text: str, line: int, col: int, end_line: int, end_col: int) -> str:
    """The characters of a file between two 1-based line/column positions (end exclusive)."""
    lines = file_text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    return file_text[starts[line - 1] + col - 1:starts[end_line - 1] + end_col - 1]


def flagged_in_file(article, findings) -> List[str]:
    """Each finding's text as found in the file via its reported line/column range."""
    out = []
    for f in findings:
        line, col = article.position(f.start)
        end_line, end_col = article.position(f.end)
        out.append(text_at(article.original, line, col, end_line, end_col))
    return out
