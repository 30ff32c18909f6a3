"""Spark runner vs local runner: throughput and how the cost grows with the corpus.

    python bench/spark.py                       # 10k, 20k, 40k: local runner and Spark local[2]
    python bench/spark.py --sizes 2000          # quick look
    python bench/spark.py --sizes 100000 --keep # add a size to the results already written

Articles are synthetic and written here (templates over word lists, English and Spanish),
with planted syndicated copies (same body under another outlet, page furniture, a wire
credit) and rewrites (words swapped, sentences dropped and moved), as JSON lines. Measured:
the ingest stages plus derivation candidates (MinHash LSH, alignment, provenance decisions),
(1) by the local runner (`ingest_items` into SQLite, then `analyse_provenance`) and
(2) by `fuentes spark run` in local mode with both cores; Spark's time includes starting the
JVM. Writes bench/results/spark.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FIRST = ["Carlos", "María", "José", "Ana", "Luis", "Rosa", "Jorge", "Elena", "Miguel", "Sofía", "Pedro", "Lucía",
         "Andrés", "Carmen", "Diego", "Laura", "Raúl", "Julia", "Hugo", "Teresa", "Óscar", "Irene", "Tomás", "Nora"]
LAST = ["Herrera", "Castillo", "Mendoza", "Rojas", "Vargas", "Ortega", "Navarro", "Salazar", "Fuentes", "Paredes",
        "Cordero", "Ibarra", "Quiroga", "Valdés", "Serrano", "Montoya", "Aguilar", "Bermúdez", "Cisneros", "Duarte"]
PLACES = ["Culiacán", "Tijuana", "Medellín", "Cali", "Rosario", "Guayaquil", "Tegucigalpa", "San Pedro Sula",
          "Morelia", "Acapulco", "Cúcuta", "Iquitos", "Durango", "Manzanillo", "Reynosa", "Celaya", "Zamora"]
GROUPS = ["Cartel del Norte", "Los Halcones", "Clan del Golfo", "La Familia Sur", "Los Rojos", "Frente Oeste",
          "Banda del Puerto", "Los Tigres Negros", "Cartel de la Sierra", "Los Zorros"]
GOODS = ["cocaine", "methamphetamine", "fentanyl", "firearms", "cash", "precursor chemicals", "marijuana",
         "stolen fuel", "counterfeit medicine", "timber"]
OUTLETS = ["Diario del Pacífico", "El Heraldo Central", "La Voz de la Costa", "Noticias del Valle",
           "The Border Tribune", "Gulf Coast Herald", "El Observador", "Crónica Regional", "The Andean Post",
           "Metro Noticias", "El Centinela", "Sierra News"]
WIRES = ["Reuters", "Associated Press", "AFP", "EFE"]
EN = [
    "Police in {place} arrested {n} suspected members of {group} on {day}, officials said.",
    "The operation seized {k} kilograms of {good} hidden in a warehouse near the port of {place}.",
    "{person}, a regional commander of {group}, was detained at a checkpoint outside {place2}.",
    "Prosecutors said the network moved {good} through {place2} and laundered the profits in {place}.",
    "\"We will not allow {group} to control the streets of {place},\" said {official}, the state security chief.",
    "Residents of {place} reported gunfire for {n} hours before soldiers arrived.",
    "According to the attorney general's office, {n} officers were suspended during the investigation.",
    "The army said it had destroyed {n} clandestine laboratories in the hills above {place2}.",
    "{person} faces charges of organised crime, money laundering and trafficking in {good}.",
    "Authorities offered a reward of {k} thousand dollars for information on {person2}.",
    "Analysts say the rivalry between {group} and {group2} has pushed violence in {place} to a record.",
    "A judge in {place2} ordered {person} held in pre-trial detention for {n} months.",
    "Local media reported that {n} bodies were found on a road between {place} and {place2} on {day}.",
    "The seizure is the largest in {place} since {year}, officials said in a statement.",
    "\"This blow weakens the finances of {group},\" {official} told reporters on {day}.",
]
ES = [
    "La policía de {place} detuvo el {day} a {n} presuntos integrantes de {group}, informaron las autoridades.",
    "En el operativo se aseguraron {k} kilos de {good} ocultos en una bodega cercana al puerto de {place}.",
    "{person}, jefe regional de {group}, fue capturado en un retén a las afueras de {place2}.",
    "La fiscalía afirmó que la red trasladaba {good} por {place2} y lavaba las ganancias en {place}.",
    "\"No permitiremos que {group} controle las calles de {place}\", dijo {official}, secretario de seguridad.",
    "Vecinos de {place} reportaron disparos durante {n} horas antes de la llegada de los militares.",
    "Según la fiscalía general, {n} agentes fueron suspendidos durante la investigación.",
    "El ejército informó que destruyó {n} laboratorios clandestinos en la sierra de {place2}.",
    "{person} enfrenta cargos por delincuencia organizada, lavado de dinero y tráfico de {good}.",
    "Las autoridades ofrecieron una recompensa de {k} mil dólares por información sobre {person2}.",
    "Analistas señalan que la disputa entre {group} y {group2} elevó la violencia en {place} a un récord.",
    "Un juez de {place2} dictó prisión preventiva de {n} meses contra {person}.",
]
SWAPS = {"said": "stated", "arrested": "detained", "seized": "confiscated", "officials": "authorities",
         "reported": "said", "near": "close to", "hidden": "concealed", "detuvo": "arrestó", "informaron": "dijeron",
         "afirmó": "aseguró", "capturado": "detenido", "ocultos": "escondidos"}
FURNITURE = ["Share this article", "Advertisement", "Subscribe to our newsletter", "Related coverage"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _fill(template: str, rng: random.Random) -> str:
    name = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"  # noqa: E731
    return template.format(place=rng.choice(PLACES), place2=rng.choice(PLACES), group=rng.choice(GROUPS),
                           group2=rng.choice(GROUPS), good=rng.choice(GOODS), person=name(), person2=name(),
                           official=name(), n=rng.randint(2, 40), k=rng.randint(10, 900),
                           day=rng.choice(DAYS), year=rng.randint(1998, 2023))


SYLLABLES = ["ka", "lo", "mir", "tan", "ve", "du", "ros", "pel", "ni", "gar", "so", "bre", "tul", "qui",
             "ma", "den", "fo", "ar", "zel", "cu", "po", "rin", "sa", "tor", "li", "ven", "gu", "mon"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _sentence(templates: list[str], rng: random.Random) -> str:
    """A template sentence with a tail of made-up words, so that two stories rarely share wording."""
    head = _fill(rng.choice(templates), rng).rstrip(".")
    tail = " ".join(_word(rng) for _ in range(rng.randint(10, 16)))
    return f"{head} {tail}."


def _original(number: int, rng: random.Random) -> dict:
    spanish = rng.random() < 0.35
    templates = ES if spanish else EN
    body = " ".join(_sentence(templates, rng) for _ in range(rng.randint(6, 10)))
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    outlet = rng.choice(OUTLETS)
    return {"id": f"syn-{number}", "text": body, "outlet": outlet, "published": day,
            "title": body.split(",")[0][:80], "url": f"https://news.example/{number}"}


def _copy(item: dict, number: int, rng: random.Random) -> dict:
    wire = rng.choice(WIRES)
    text = f"{item['published'][:4]} ({wire}) - " + item["text"] + "\n" + rng.choice(FURNITURE)
    outlet = rng.choice([o for o in OUTLETS if o != item["outlet"]])
    return dict(item, id=f"syn-{number}", text=text, outlet=outlet, url=f"https://news.example/{number}")


def _rewrite(item: dict, number: int, rng: random.Random) -> dict:
    sentences = [s for s in item["text"].split(". ") if s]
    rng.shuffle(sentences[1:])
    kept = [s for s in sentences if rng.random() > 0.2] or sentences
    words = " ".join(SWAPS.get(w, w) for w in ". ".join(kept).split(" "))
    outlet = rng.choice([o for o in OUTLETS if o != item["outlet"]])
    return dict(item, id=f"syn-{number}", text=words + f" {item['outlet']} reported the arrests first.",
                outlet=outlet, url=f"https://news.example/{number}")


def synthetic_articles(count: int, seed: int = 7, broken: int = 0) -> list[str]:
    """`count` JSON lines (about 15% syndicated copies, 5% rewrites) plus `broken` bad lines."""
    rng = random.Random(seed)
    lines, originals = [], []
    for number in range(count):
        roll = rng.random()
        if originals and roll < 0.15:
            item = _copy(rng.choice(originals), number, rng)
        elif originals and roll < 0.20:
            item = _rewrite(rng.choice(originals), number, rng)
        else:
            item = _original(number, rng)
            originals.append(item)
        lines.append(json.dumps(item, ensure_ascii=False))
    for k in range(broken):
        lines.insert(rng.randrange(len(lines)), ["{not json", '{"title": "no body"}', '{"text": "   "}'][k % 3])
    return lines


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_local(path: Path, work: Path) -> dict:
    from fuentes.corpus.origins import analyse_provenance
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import iter_inputs
    from fuentes.store import open_store
    from fuentes.store.articles import iter_articles

    store = open_store(str(work / "local.db"))
    started = time.monotonic()
    summary = ingest_items(iter_inputs([str(path)]), store, workers=1)
    ingest_s = time.monotonic() - started
    result = analyse_provenance(list(iter_articles(store)))
    total = time.monotonic() - started
    store.close()
    return {"articles": summary.stored, "ingest_seconds": round(ingest_s, 2), "seconds": round(total, 2),
            "derivations": len(result.derivations), "pairs_examined": result.pairs_examined}


def run_spark(path: Path, work: Path, master: str = "local[2]") -> dict:
    from fuentes.spark import spark_session
    from fuentes.spark.corpus import run_provenance
    from fuentes.spark.job import run_ingest

    out = work / "tables"
    started = time.monotonic()
    spark = spark_session(master, conf={"spark.sql.shuffle.partitions": "8", "spark.driver.memory": "4g"})
    spark.sparkContext.setLogLevel("ERROR")
    boot = time.monotonic() - started
    summary = run_ingest(spark, [str(path)], out)
    ingest_s = time.monotonic() - started
    counts = run_provenance(spark, str(out))
    total = time.monotonic() - started
    spark.stop()
    return {"articles": summary.articles, "startup_seconds": round(boot, 2), "ingest_seconds": round(ingest_s, 2),
            "seconds": round(total, 2), **counts}


def growth(rows: list[dict]) -> None:
    """time(n) / time(smallest n) for the local runner and Spark (and the candidate pairs)."""
    base = min(rows, key=lambda r: r["size"])
    for row in rows:
        row["growth"] = {"size": round(row["size"] / base["size"], 2),
                         "spark_seconds": round(row["spark"]["seconds"] / base["spark"]["seconds"], 2),
                         "spark_provenance_seconds": round(_prov(row["spark"]) / _prov(base["spark"]), 2),
                         "candidate_pairs": round(row["spark"]["candidate_pairs"] / base["spark"]["candidate_pairs"], 2)}
        if "local" in row and "local" in base:
            row["growth"]["local_seconds"] = round(row["local"]["seconds"] / base["local"]["seconds"], 2)


def _prov(run: dict) -> float:
    return run["seconds"] - run["ingest_seconds"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 20_000, 40_000])
    parser.add_argument("--local-max", type=int, default=40_000, help="largest size also run locally")
    parser.add_argument("--keep", action="store_true", help="keep the other sizes already in the results file")
    args = parser.parse_args()
    from _shared import RESULTS, write_results

    previous = RESULTS / "spark.json"
    kept = json.loads(previous.read_text("utf-8"))["runs"] if args.keep and previous.exists() else []
    rows = [r for r in kept if r["size"] not in args.sizes and "growth" in r]
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="fuentes-spark-bench-"))
        path = write_jsonl(work / "articles.jsonl", synthetic_articles(size))
        load = os.getloadavg()[0]  # other work on the machine slows both runners alike
        row = {"size": size, "load_average_1min_at_start": round(load, 2), "spark": run_spark(path, work)}
        if size <= args.local_max:
            row["local"] = run_local(path, work)
            row["spark_to_local_throughput"] = round(row["local"]["seconds"] / row["spark"]["seconds"], 3)
        rows.append(row)
        rows.sort(key=lambda r: r["size"])
        shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(row), flush=True)
        growth(rows)  # written after every size, so a long run leaves what it measured
        write_results("spark", {"machine": "2 cores, Spark local[2]", "runs": rows})
    print(f"{'size':>8} {'local s':>8} {'spark s':>8} {'ratio':>6} {'spark art/s':>11} {'local x':>7} {'spark x':>7}")
    for row in rows:
        local = row.get("local", {}).get("seconds", float("nan"))
        print(f"{row['size']:>8} {local:>8} {row['spark']['seconds']:>8} {row.get('spark_to_local_throughput', '-'):>6} "
              f"{row['size'] / row['spark']['seconds']:>11.1f} {row['growth'].get('local_seconds', '-'):>7} "
              f"{row['growth']['spark_seconds']:>7}")


if __name__ == "__main__":
    main()
