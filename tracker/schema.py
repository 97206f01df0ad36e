from drf_spectacular.openapi import AutoSchema


class TrackerAutoSchema(AutoSchema):
    pass


def document_public_reads(result, generator, request, public):
    return result
