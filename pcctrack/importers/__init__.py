"""`pcctrack import`: draft records read from a published report (PDF, HTML, Word or text).

`run` is the entry: `sources` turns a file into paragraphs (refusing hostile files),
`document` splits them into reports, `audit` and `inspection` read each report, and
`drafts` turns what was read into record files with `# check:` comments for the reviewer.
"""
