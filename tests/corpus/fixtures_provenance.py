"""Made-up articles for provenance tests (written for these tests; no real outlet's text)."""

from __future__ import annotations

ORIGINAL = [
    "Soldiers detained the leader of the Valle Norte gang on Tuesday after a two-day search in the hills above Puerto Claro.",
    "The detainee, known by the alias El Tordo, had evaded capture for eleven years while his group expanded into fuel theft.",
    "Officials said the raid began before dawn when a patrol spotted two trucks leaving a ranch near the river crossing.",
    "\"We followed the money for months and it finally led us to the ranch,\" said Marta Ibarra, the regional prosecutor.",
    "Three other men were arrested and four rifles were seized during the operation, according to the defense ministry.",
    "Residents of the valley reported blockades with burning buses on two highways shortly after the arrest became public.",
    "The gang has fought a rival group for control of smuggling routes through the mountains since at least 2019.",
    "\"This is not the end of the violence, it is the start of a new struggle for the routes,\" said analyst Tomas Weber.",
    "The governor asked residents to stay at home on Wednesday and suspended classes in six towns of the valley.",
    "Prosecutors plan to present charges of kidnapping and extortion against the detainee before a federal judge this week.",
]

REWRITE = [
    "The Harbor Ledger first reported the capture of the gang boss on Tuesday.",
    "The leader of the Valle Norte gang was detained by soldiers on Tuesday following a two-day search in the hills above Puerto Claro.",
    "Known as El Tordo, the detainee had avoided capture for eleven years as his organization expanded into fuel theft.",
    "\"We followed the money for months and it finally led us to the ranch,\" said Marta Ibarra, the regional prosecutor.",
    "According to the defense ministry, three more men were detained and four rifles were seized in the operation.",
    "Shortly after the arrest became public, residents of the valley saw blockades with burning buses on two highways.",
    "\"This is not the end of the violence, it is the start of a new struggle for the routes,\" said analyst Tomas Weber.",
    "The Harbor Ledger said prosecutors will present charges of kidnapping and extortion against the detainee this week.",
]

INDEPENDENT = [
    "A gang leader wanted for more than a decade was captured in the mountains of the north, the army announced on Tuesday.",
    "Our correspondent in Puerto Claro saw military helicopters circling the area for most of the morning.",
    "Shop owners in the town center closed early, fearing reprisals, and buses stopped running on the main road.",
    "\"We followed the money for months and it finally led us to the ranch,\" said Marta Ibarra, the regional prosecutor.",
    "A local priest said families had been paying extortion fees to the gang for years without reporting them.",
    "The defense ministry did not say how many troops took part or whether foreign intelligence helped the search.",
    "Schools across the region will remain closed on Wednesday, the state education office said in a statement.",
]

UNRELATED = [
    "The city council approved a new budget for public transport on Monday after a long debate.",
    "Bus fares will stay the same next year while the metro will add four new trains to its busiest line.",
    "The mayor said the plan would cut waiting times in half for commuters in the eastern districts.",
    "Opposition members voted against the plan, arguing that it ignores cyclists and pedestrians.",
    "Construction of a new depot is expected to begin in the spring and last about two years.",
]


def text(sentences: list[str], per_paragraph: int = 2) -> str:
    paras = [" ".join(sentences[i:i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)]
    return "\n\n".join(paras)
