"""Chasing owners: what each owner or lead role owes, as messages they can read and reply to.

`chase` is the entry module (prepare, write, send); `owed` picks each role's items (pure, no
I/O), `message` composes the email, `smtp` delivers it and `sent` keeps the delivery log.
"""
