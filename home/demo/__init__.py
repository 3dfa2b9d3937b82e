"""Demo content for `manage.py load_demo`: the U_CAN consortium, its pages and site content."""
