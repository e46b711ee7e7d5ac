"""Markdown inside the list of messages, as a React component of its own.

Reflex builds `rx.markdown`'s component map by calling a function that uses a React hook
(the colour mode). Inside `rx.foreach` that call runs in the list's own render, so the
list's hook count changes with the number of messages and React warns "change in the
order of Hooks called by Foreach". Behind `rx.memo` the hook runs inside this component.
"""

from __future__ import annotations

import reflex as rx


@rx.memo
def markdown_text(text: rx.Var[str], class_name: rx.Var[str]) -> rx.Component:
    return rx.markdown(text, class_name=class_name)
