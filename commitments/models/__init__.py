from .conditions import Condition, ConditionLink
from .events import EventEvidence, StatusEvent
from .initiatives import Initiative
from .parties import Organization, Party, Person
from .pledges import Pledge, PledgeSource
from .sources import Source
from .statements import Statement, StatementBasis, StatementSource, StatementSpeaker, StatementTarget

__all__ = [
    "Condition",
    "ConditionLink",
    "EventEvidence",
    "Initiative",
    "Organization",
    "Party",
    "Person",
    "Pledge",
    "PledgeSource",
    "Source",
    "Statement",
    "StatementBasis",
    "StatementSource",
    "StatementSpeaker",
    "StatementTarget",
    "StatusEvent",
]
