from .views import (
    ConditionViewSet,
    InitiativeViewSet,
    OrganizationViewSet,
    PersonViewSet,
    PledgeViewSet,
    SourceViewSet,
    StatementViewSet,
)

routes = [
    ("organizations", OrganizationViewSet, "organization"),
    ("people", PersonViewSet, "person"),
    ("initiatives", InitiativeViewSet, "initiative"),
    ("pledges", PledgeViewSet, "pledge"),
    ("conditions", ConditionViewSet, "condition"),
    ("statements", StatementViewSet, "statement"),
    ("sources", SourceViewSet, "source"),
]
