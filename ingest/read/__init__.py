"""The read side: one filter model (`filters`) compiled to SQL in one place (`where`),
queries returning DataFrames (`queries`), events as plain dicts (`events`) and the export
writers (`export`). Nothing here imports streamlit."""
