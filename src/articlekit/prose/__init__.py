"""What reads prose: the heuristics every reader shares for text written for people.

One module per concern: ``encoding`` (bytes to text), ``controls`` (characters that must not reach
an article), ``dates`` (printed and ISO dates), ``byline`` (who wrote it), ``dateline`` (where it
was filed), ``boilerplate`` (web page furniture). Nothing here knows a file format or imports the
CLI; readers call these, and the model stays free of heuristics.
"""
