"""Table models over service results (never QSqlTableModel: one connection, behind storage)."""
