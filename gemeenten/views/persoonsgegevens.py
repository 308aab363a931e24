"""A person's own data: the page that explains it and the JSON download (AVG right of access)."""

import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .. import services


@login_required
def mijn_gegevens(request):
    return render(request, "gemeenten/mijn_gegevens.html")


@never_cache
@login_required
def mijn_gegevens_download(request):
    data = services.persoonsgegevens_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"proeftuin-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
