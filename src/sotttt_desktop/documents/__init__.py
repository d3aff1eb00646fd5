"""Official documents: the Decree 30/2020 layout engine and the templates (ReportLab, no Qt).

`layout` turns a `Document` (plain data) into PDF bytes; each module in `templates/` turns the
plain data of one family (a permit, a one-stop form, a decision…) into a `Document`. Services
collect the data and store what was issued; nothing here reads the database.
"""
