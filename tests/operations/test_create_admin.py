"""The first administrator, made by `make run` with a generated password printed once."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_create_admin_prints_a_password_once(capsys, django_user_model):
    call_command("create_admin")
    first = capsys.readouterr().out
    assert "password:" in first
    password = first.split("password:")[1].split()[0]
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)

    call_command("create_admin")
    second = capsys.readouterr().out
    assert "exists already" in second
    assert password not in second
    assert django_user_model.objects.filter(username="admin").count() == 1
    assert django_user_model.objects.get(username="admin").check_password(password)


def test_create_admin_hint_names_the_right_user(capsys):
    call_command("create_admin", username="chief")
    capsys.readouterr()
    call_command("create_admin", username="chief")
    second = capsys.readouterr().out
    assert "changepassword chief" in second
