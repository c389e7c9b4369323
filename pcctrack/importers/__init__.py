"""`pcctrack import`: draft records read from a published report (PDF, HTML, Word or text).

`run` is the entry: `sources` turns a file into paragraphs (refusing hostile files),
`document` splits them into reports, `audit` and `inspection` read each report (`opinion`
an audit's assurance opinion, `followup` a follow-up report's grades), `drafts` turns what
was read into record files with `# check:` comments for the reviewer, and `verdicts` matches
a follow-up's grades to the recorded actions they grade.
"""
