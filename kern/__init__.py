"""The core of Proeftuin: tenancy, row-level security, roles, the task base, the data version and
page caching, concurrency, charts and shared form fields. It imports no app of the project."""
