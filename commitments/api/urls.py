from .names import CONDITIONS, INITIATIVES, ORGANIZATIONS, PEOPLE, PLEDGES, SOURCES, STATEMENTS
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
    (ORGANIZATIONS.name, OrganizationViewSet, "organization"),
    (PEOPLE.name, PersonViewSet, "person"),
    (INITIATIVES.name, InitiativeViewSet, "initiative"),
    (PLEDGES.name, PledgeViewSet, "pledge"),
    (CONDITIONS.name, ConditionViewSet, "condition"),
    (STATEMENTS.name, StatementViewSet, "statement"),
    (SOURCES.name, SourceViewSet, "source"),
]
