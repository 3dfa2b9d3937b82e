# gunicorn, as docker-compose names it; the native test writes its own backend.vcl.
backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}
