"""The PostgreSQL server of these machines, for tests that make databases of their own."""

import psycopg

SERVER = "postgres://postgres@127.0.0.1:5432"


def postgres_is_up() -> bool:
    try:
        with psycopg.connect(f"{SERVER}/postgres", connect_timeout=2):
            return True
    except psycopg.Error:
        return False
