"""Small display helpers the notebooks share: the course map and reference lists.

They render course data (``data/``) as HTML, so a lesson's reference list always matches the
bibliography and the course map always matches ``data/course.yaml``.
"""

from __future__ import annotations

from html import escape

from IPython.display import HTML

from lessons.content.course import course_map
from lessons.content.references import cite, is_web_url


def show_course_map() -> HTML:
    """The table of lessons with what each teaches and its estimated time."""
    rows = []
    for lesson in course_map():
        title = escape(f"{lesson.number} {lesson.title}")
        if lesson.ready:
            title = f'<a href="{escape(lesson.notebook)}">{title}</a>'
        else:
            title += " <em>(in preparation)</em>"
        rows.append(
            f"<tr><td>{title}</td><td>{escape(lesson.teaches)}</td>"
            f"<td style='text-align:right'>{lesson.minutes}</td></tr>"
        )
    total = sum(lesson.minutes for lesson in course_map())
    return HTML(
        "<table class='lessons-course-map'><caption>The course map</caption>"
        "<thead><tr><th scope='col'>Lesson</th><th scope='col'>What it teaches</th>"
        "<th scope='col'>Minutes</th></tr></thead><tbody>"
        + "".join(rows)
        + f"</tbody><tfoot><tr><td colspan='2'>In all</td><td>{total}</td></tr></tfoot></table>"
    )


def show_references(*keys: str) -> HTML:
    """A numbered reference list for the citation keys a lesson uses, from the bibliography."""
    items = []
    for reference in cite(*keys):
        text = escape(reference.citation())
        link = reference.link()
        if link and is_web_url(link):  # never a javascript: or data: link in the page
            text += f' <a href="{escape(link)}">{escape(link)}</a>'
        items.append(f"<li id='ref-{escape(reference.key)}'>{text}</li>")
    return HTML("<ol class='lessons-references'>" + "".join(items) + "</ol>")
