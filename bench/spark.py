"""Spark runner vs local runner: throughput and how the cost grows with the corpus.

    python bench/spark.py                          # 10k, 20k, 40k, 100k; window of 3 days
    python bench/spark.py --sizes 2000,4000 --name spark-check   # quick look, own results file
    python bench/spark.py --sizes 100000 --keep    # add a size to the results already written
    python bench/spark.py --window-days none       # every article against every other
    python bench/spark.py --analysis 2000          # spaCy and the per-article stages: Spark vs local

Articles are synthetic and written here (templates over word lists, English and Spanish),
with planted syndicated copies (same body under another outlet, page furniture, a wire
credit) and rewrites (words swapped, sentences dropped and moved), as JSON lines, published
over `--span-days` (copies and rewrites 0 to `--drift-days` after their original). Measured:
the ingest stages plus derivation candidates (MinHash LSH, alignment, provenance decisions)
with the same publication window, (1) by the local runner (`ingest_items` into SQLite, then
`ProvenanceIndex`) and (2) by `fuentes spark run` in local mode with both cores; Spark's time
includes starting the JVM. Both must find the same candidate pairs. Writes
bench/results/<name>.json (spark.json by default) after every size.
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
from datetime import date, timedelta
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


class Dates:
    """Publication dates: originals uniform over `span_days` from `start`, copies and rewrites
    0 to `drift_days` days after their original (news is carried within hours to days). Drawn
    from a generator of their own, so the texts are the same whatever the dates."""

    def __init__(self, rng: random.Random, span_days: int = 30, drift_days: int = 2,
                 start: date = date(2025, 3, 1)):
        self.rng, self.span_days, self.drift_days, self.start = rng, span_days, drift_days, start

    def original(self) -> str:
        return (self.start + timedelta(days=self.rng.randrange(self.span_days))).isoformat()

    def after(self, published: str) -> str:
        return (date.fromisoformat(published) + timedelta(days=self.rng.randint(0, self.drift_days))).isoformat()


def _original(number: int, rng: random.Random, dates: Dates) -> dict:
    spanish = rng.random() < 0.35
    templates = ES if spanish else EN
    body = " ".join(_sentence(templates, rng) for _ in range(rng.randint(6, 10)))
    rng.randint(1, 12), rng.randint(1, 28)  # the draws of the former dates: same texts as earlier runs
    outlet = rng.choice(OUTLETS)
    return {"id": f"syn-{number}", "text": body, "outlet": outlet, "published": dates.original(),
            "title": body.split(",")[0][:80], "url": f"https://news.example/{number}"}


def _copy(item: dict, number: int, rng: random.Random, dates: Dates) -> dict:
    wire = rng.choice(WIRES)
    text = f"{item['published'][:4]} ({wire}) - " + item["text"] + "\n" + rng.choice(FURNITURE)
    outlet = rng.choice([o for o in OUTLETS if o != item["outlet"]])
    return dict(item, id=f"syn-{number}", text=text, outlet=outlet, url=f"https://news.example/{number}",
                published=dates.after(item["published"]))


def _rewrite(item: dict, number: int, rng: random.Random, dates: Dates) -> dict:
    sentences = [s for s in item["text"].split(". ") if s]
    rng.shuffle(sentences[1:])
    kept = [s for s in sentences if rng.random() > 0.2] or sentences
    words = " ".join(SWAPS.get(w, w) for w in ". ".join(kept).split(" "))
    outlet = rng.choice([o for o in OUTLETS if o != item["outlet"]])
    return dict(item, id=f"syn-{number}", text=words + f" {item['outlet']} reported the arrests first.",
                outlet=outlet, url=f"https://news.example/{number}", published=dates.after(item["published"]))


def _drop_dates(item: dict, dates: Dates, undated: float, dateless: float) -> dict:
    """A share of pages whose date was not found: `undated` keep the crawl time (saved the day of
    publication or the next), `dateless` have neither (compared with every article)."""
    roll = dates.rng.random()
    if roll < dateless:
        return {k: v for k, v in item.items() if k != "published"}
    if roll < dateless + undated:
        saved = f"{dates.after(item['published'])}T{dates.rng.randrange(24):02d}:00:00Z"
        return dict({k: v for k, v in item.items() if k != "published"}, saved_at=saved)
    return item


def synthetic_articles(count: int, seed: int = 7, broken: int = 0, span_days: int = 30, drift_days: int = 2,
                       undated: float = 0.0, dateless: float = 0.0) -> list[str]:
    """`count` JSON lines (about 15% syndicated copies, 5% rewrites) plus `broken` bad lines; dates
    as `Dates` says, a share `undated` with only the crawl time, a share `dateless` with neither."""
    rng = random.Random(seed)
    dates = Dates(random.Random(f"dates-{seed}"), span_days=span_days, drift_days=drift_days)
    lines, originals = [], []
    for number in range(count):
        roll = rng.random()
        if originals and roll < 0.15:
            item = _copy(rng.choice(originals), number, rng, dates)
        elif originals and roll < 0.20:
            item = _rewrite(rng.choice(originals), number, rng, dates)
        else:
            item = _original(number, rng, dates)
            originals.append(item)
        lines.append(json.dumps(_drop_dates(item, dates, undated, dateless), ensure_ascii=False))
    for k in range(broken):
        lines.insert(rng.randrange(len(lines)), ["{not json", '{"title": "no body"}', '{"text": "   "}'][k % 3])
    return lines


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_local(path: Path, work: Path, window_days: int | None) -> dict:
    from fuentes.corpus.origins import ProvenanceIndex
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import iter_inputs
    from fuentes.store import open_store
    from fuentes.store.articles import iter_articles

    store = open_store(str(work / "local.db"))
    started = time.monotonic()
    summary = ingest_items(iter_inputs([str(path)]), store, workers=1)
    ingest_s = time.monotonic() - started
    index = ProvenanceIndex(window_days=window_days)
    index.add(list(iter_articles(store)))
    result = index.result()
    total = time.monotonic() - started
    store.close()
    return {"articles": summary.stored, "ingest_seconds": round(ingest_s, 2), "seconds": round(total, 2),
            "derivations": len(result.derivations), "pairs_examined": result.pairs_examined,
            "pairs_without_window": result.pairs_examined + index.lsh.outside_window}


def run_spark(path: Path, work: Path, window_days: int | None, master: str = "local[2]") -> dict:
    from fuentes.spark import spark_session
    from fuentes.spark.corpus import run_provenance
    from fuentes.spark.job import run_ingest

    out = work / "tables"
    started = time.monotonic()
    spark = spark_session(master, conf={"spark.sql.shuffle.partitions": "8", "spark.driver.memory": "4g",
                                          "spark.ui.showConsoleProgress": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    boot = time.monotonic() - started
    summary = run_ingest(spark, [str(path)], out)
    ingest_s = time.monotonic() - started
    counts = run_provenance(spark, str(out), window_days)
    total = time.monotonic() - started
    spark.stop()
    return {"articles": summary.articles, "startup_seconds": round(boot, 2), "ingest_seconds": round(ingest_s, 2),
            "seconds": round(total, 2), **counts}


def analysis_cost(size: int, workers: int = 2) -> dict:
    """The per-article analysis stages (spaCy, entities, quotes, claims, events, relations) on
    the same `size` articles: Spark local[2] (`run_analysis`, spaCy loaded once per Python
    worker) against the local runner with `workers` processes; ingest excluded from both."""
    from fuentes.analyse import analyse_articles
    from fuentes.ingest.job import ingest_items
    from fuentes.ingest.sources import iter_inputs
    from fuentes.spark import spark_session
    from fuentes.spark.job import run_analysis, run_ingest
    from fuentes.store import open_store

    work = Path(tempfile.mkdtemp(prefix="fuentes-spark-analysis-"))
    path = write_jsonl(work / "articles.jsonl", synthetic_articles(size))
    store = open_store(str(work / "local.db"))
    ingest_items(iter_inputs([str(path)]), store, workers=1)
    started = time.monotonic()
    summary = analyse_articles(store, workers=workers)
    local_s = time.monotonic() - started
    store.close()
    spark = spark_session("local[2]", conf={"spark.sql.shuffle.partitions": "8", "spark.driver.memory": "4g",
                                            "spark.ui.showConsoleProgress": "false"})
    spark.sparkContext.setLogLevel("ERROR")
    out = work / "tables"
    run_ingest(spark, [str(path)], out)
    began = time.monotonic()
    done = run_analysis(spark, out)
    spark_s = time.monotonic() - began
    spark.stop()
    shutil.rmtree(work, ignore_errors=True)
    return {"articles": size, "local_workers": workers, "local_analysed": summary.analysed,
            "local_seconds": round(local_s, 2), "spark_analysed": done.analysed, "spark_seconds": round(spark_s, 2),
            "spark_to_local_throughput": round(local_s / spark_s, 3),
            "spark_articles_per_core_second": round(size / spark_s / 2, 2)}


def growth(rows: list[dict]) -> None:
    """time(n) / time(smallest n) for the local runner and Spark (and the candidate pairs)."""
    base = min(rows, key=lambda r: r["size"])
    for row in rows:
        row["growth"] = {"size": round(row["size"] / base["size"], 2),
                         "spark_seconds": round(row["spark"]["seconds"] / base["spark"]["seconds"], 2),
                         "spark_provenance_seconds": round(_prov(row["spark"]) / _prov(base["spark"]), 2),
                         "candidate_pairs": round(row["spark"]["candidate_pairs"]
                                                  / max(base["spark"]["candidate_pairs"], 1), 2)}
        if "local" in row and "local" in base:
            row["growth"]["local_seconds"] = round(row["local"]["seconds"] / base["local"]["seconds"], 2)
            row["growth"]["local_provenance_seconds"] = round(_prov(row["local"]) / _prov(base["local"]), 2)


def _prov(run: dict) -> float:
    return run["seconds"] - run["ingest_seconds"]


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.replace(",", " ").split()]


def _window(text: str) -> int | None:
    return None if text.lower() in ("none", "off", "") else int(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["10000,20000,40000,100000"],
                        help="article counts, comma- or space-separated")
    parser.add_argument("--local-max", type=int, default=100_000, help="largest size also run locally")
    parser.add_argument("--window-days", type=_window, default=3,
                        help="publication window of derivation candidates, both runners ('none': no window)")
    parser.add_argument("--span-days", type=int, default=30, help="days the originals are published over")
    parser.add_argument("--drift-days", type=int, default=2, help="copies and rewrites: up to N days later")
    parser.add_argument("--undated", type=float, default=0.0, help="share with no date, only the crawl time")
    parser.add_argument("--dateless", type=float, default=0.0, help="share with neither (meet every article)")
    parser.add_argument("--name", default="spark", help="results file bench/results/<name>.json")
    parser.add_argument("--keep", action="store_true", help="keep the other sizes already in the results file")
    parser.add_argument("--analysis", type=int, default=0,
                        help="instead: per-article analysis cost on N articles, Spark vs local (2 workers)")
    args = parser.parse_args()
    from _shared import RESULTS, write_results

    if args.analysis:
        found = analysis_cost(args.analysis)
        print(json.dumps(found))
        write_results("spark-analysis", {"machine": "2 cores, Spark local[2]", **found})
        return

    sizes = [n for text in args.sizes for n in _sizes(text)]
    config = {"window_days": args.window_days, "span_days": args.span_days, "drift_days": args.drift_days,
              "undated": args.undated, "dateless": args.dateless}
    previous = RESULTS / f"{args.name}.json"
    old = json.loads(previous.read_text("utf-8")) if args.keep and previous.exists() else {}
    kept = old.get("runs", []) if old.get("config") == config else []  # another setting: not comparable
    rows = [r for r in kept if r["size"] not in sizes and "growth" in r]
    for size in sizes:
        began = time.monotonic()
        work = Path(tempfile.mkdtemp(prefix="fuentes-spark-bench-"))
        lines = synthetic_articles(size, span_days=args.span_days, drift_days=args.drift_days,
                                   undated=args.undated, dateless=args.dateless)
        path = write_jsonl(work / "articles.jsonl", lines)
        load = os.getloadavg()[0]  # other work on the machine slows both runners alike
        row = {"size": size, "load_average_1min_at_start": round(load, 2),
               "spark": run_spark(path, work, args.window_days)}
        if size <= args.local_max:
            row["local"] = run_local(path, work, args.window_days)
            row["spark_to_local_throughput"] = round(row["local"]["seconds"] / row["spark"]["seconds"], 3)
            row["same_candidate_pairs"] = row["local"]["pairs_examined"] == row["spark"]["candidate_pairs"]
        row["wall_seconds"] = round(time.monotonic() - began, 1)
        rows.append(row)
        rows.sort(key=lambda r: r["size"])
        shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(row), flush=True)
        if row.get("same_candidate_pairs") is False:
            print(f"WARNING: at {size} the local runner compared {row['local']['pairs_examined']} pairs, "
                  f"Spark {row['spark']['candidate_pairs']}", flush=True)
        growth(rows)  # written after every size, so a long run leaves what it measured
        write_results(args.name, {"machine": "2 cores, Spark local[2]", "config": config, "runs": rows})
    _table(rows, config)


def _table(rows: list[dict], config: dict) -> None:
    print(f"window {config['window_days']} days, originals over {config['span_days']} days, "
          f"copies up to {config['drift_days']} days later")
    print(f"{'size':>7} {'local s':>8} {'spark s':>8} {'ratio':>6} {'spark art/s':>11} {'local x':>7} "
          f"{'spark x':>7} {'pairs':>8} {'pairs x':>7} {'no-window pairs':>15} {'wall s':>7}")
    for row in rows:
        local = row.get("local", {})
        print(f"{row['size']:>7} {local.get('seconds', float('nan')):>8} {row['spark']['seconds']:>8} "
              f"{row.get('spark_to_local_throughput', '-'):>6} {row['size'] / row['spark']['seconds']:>11.1f} "
              f"{row['growth'].get('local_seconds', '-'):>7} {row['growth']['spark_seconds']:>7} "
              f"{row['spark']['candidate_pairs']:>8} {row['growth']['candidate_pairs']:>7} "
              f"{local.get('pairs_without_window', '-'):>15} {row.get('wall_seconds', '-'):>7}")


if __name__ == "__main__":
    main()
