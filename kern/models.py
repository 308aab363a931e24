"""The user account: one person, one account, logging in by e-mail address."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


class ProgrammaRol(models.TextChoices):
    """A part above the gemeenten (DESIGN.md): not a membership of any of them."""

    PROGRAMMATEAM = "programmateam", _("Programme team")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    programma_rol = models.CharField(
        _("programme role"),
        max_length=20,
        choices=ProgrammaRol.choices,
        blank=True,
        help_text=_("Agora/Movisie staff who run the programme as a whole; no gemeente role."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]

    def __str__(self):
        return self.name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class Intent(models.Model):
    """One rendered form's intent to change something (``kern.intents``): the first POST with
    its token does the work, a repeat (a double click, a resent form) is answered with where
    the first one led. Holds no form content."""

    token = models.CharField(max_length=36, unique=True)
    user_id = models.BigIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    location = models.CharField(max_length=2000, blank=True)
    done = models.BooleanField(default=False)

    def __str__(self):
        return self.token
