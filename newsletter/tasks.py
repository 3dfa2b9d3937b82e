"""Confirmation emails go out from the background worker: a slow mail server never holds up
the visitor's request."""

from django.conf import settings
from django_tasks import task

from .emails import confirmation_message
from .models import Subscription


@task(backend=settings.BACKGROUND_TASK_BACKEND)
def send_confirmation(subscription_id: int):
    subscription = Subscription.objects.filter(
        pk=subscription_id, state=Subscription.State.PENDING
    ).first()
    if subscription is None:
        return  # confirmed, unsubscribed or erased while the task waited
    confirmation_message(subscription).send()
