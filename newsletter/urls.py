from django.urls import path

from . import views

urlpatterns = [
    path("subscriptions/", views.subscribe, name="newsletter_subscribe"),
    path("confirm/", views.confirm, name="newsletter_confirm"),
    path("unsubscribe/", views.unsubscribe, name="newsletter_unsubscribe"),
]
