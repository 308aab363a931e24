"""What the verankering phase normally produces, for the phase checklist (gemeenten.checklist).
Filled in by the oogst parts as they land."""
