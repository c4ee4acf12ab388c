"""The dashboard's views, composed by dashboard.py.

Plain code, no streamlit (unit-tested on their output): `labels` (display text, safe links),
`figures` (overview figures and shared pieces), `timeline_chart`, `tables`.
Streamlit: `loaders` (the cached reads), `filters` (sidebar and URL state), `detail` (one
event), and one module per tab: `timeline`, `calendar` (Upcoming), `overview`, `events`, `feeds`.
"""
