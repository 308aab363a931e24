"""Who answers the netwerkpeiling (every member reads its aggregates)."""


def can_answer_peiling(request) -> bool:
    """Every member who belongs to a partner organisation answers for that organisation,
    whatever their role: the network is one of organisations. Members without one (usually the
    facilitator from Agora or Movisie) have no organisation to answer for."""
    return request.lidmaatschap.organisatie_id is not None
