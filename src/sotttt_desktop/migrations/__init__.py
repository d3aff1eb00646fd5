"""Alembic migration environment and revisions (shipped inside the package).

HEAD_REVISION lets the start-up check a current database without importing Alembic; a test keeps
it equal to the newest revision in versions/.
"""

HEAD_REVISION = "0035"
