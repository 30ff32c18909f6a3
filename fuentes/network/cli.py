"""`fuentes network ...`: analysis of the network in the store (thin commands over fuentes.network)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

network_app = typer.Typer(no_args_is_help=True, help="Key players, brokers, communities, removal what-ifs, exports.")
out = Console()
DbOption = typer.Option(None, "--db", envvar="FUENTES_DB", help="Store: SQLite path or postgresql:// URL.")
Predicates = typer.Option(None, "--relation", "-r", help="Keep only these relation types (repeatable).")


def _graph(db, relation, start, end, facts_only, co_mentions):
    from fuentes.cli_common import open_existing as _open
    from fuentes.network.store_graph import store_graph

    return store_graph(_open(db), predicates=relation or None, start=start, end=end,
                       allegations=not facts_only, with_co_mentions=co_mentions)


def _label(graph, node) -> str:
    return graph.nodes[node].get("name") or str(node)


@network_app.command()
def metrics(db: Optional[str] = DbOption, relation: Optional[list[str]] = Predicates,
            start: Optional[str] = typer.Option(None, help="Window start (ISO date)."),
            end: Optional[str] = typer.Option(None, help="Window end (ISO date)."),
            facts_only: bool = typer.Option(False, help="Leave out relations reported as allegations."),
            co_mentions: bool = typer.Option(False, help="Also tie entities named in the same articles."),
            top: int = typer.Option(10, help="How many nodes per measure.")) -> None:
    """Degree, betweenness and eigenvector leaders, brokers and communities."""
    from fuentes.network.metrics import analyse

    graph = _graph(db, relation, start, end, facts_only, co_mentions)
    if graph.number_of_edges() == 0:
        out.print("no relations in the store match (run `fuentes analyse`, or try --co-mentions)")
        return
    report = analyse(graph)
    out.print(f"{report.nodes} nodes, {report.edges} ties, density {report.density:.3f}, degree centralisation "
              f"{report.degree_centralization:.3f}, largest component {report.largest_component}")
    table = Table(title="key players")
    for column in ("measure", "rank", "entity", "value"):
        table.add_column(column)
    for measure in ("degree", "betweenness", "eigenvector"):
        for rank, (node, value) in enumerate(report.top(measure, top), 1):
            table.add_row(measure, str(rank), _label(graph, node), f"{value:.3f}")
    out.print(table)
    for broker in report.brokers[:top]:
        out.print(f"broker: {_label(graph, broker.get('node'))} {broker}", markup=False, highlight=False)
    for number, group in enumerate(report.communities[:top], 1):
        out.print(f"community {number}: " + ", ".join(sorted(_label(graph, n) for n in group)), markup=False)


@network_app.command("what-if")
def what_if_command(remove: list[str] = typer.Argument(..., help="Entity ids or names to remove."),
                    db: Optional[str] = DbOption,
                    recovery: str = typer.Option("none", help="none, random, degree or distance (Duijn et al. 2014)."),
                    co_mentions: bool = typer.Option(False, help="Also tie entities named in the same articles.")) -> None:
    """Remove a node or set: fragmentation, largest component, efficiency, likely successors."""
    from fuentes.errors import FuentesError
    from fuentes.network.disruption import what_if

    from fuentes.cli_common import open_existing as _open
    from fuentes.store.analysis import get_entity

    store = _open(db)
    graph = _graph(db, None, None, None, False, co_mentions)
    nodes = []
    for name in remove:  # ids, names or aliases
        found = name if name in graph else (get_entity(store, name) or {}).get("id", name)
        nodes.append(found)
    try:
        report = what_if(graph, nodes, recovery=recovery)
    except FuentesError as error:
        out.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    for label, state in (("before", report.before), ("after", report.after)):
        out.print(f"{label:>6}: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                              for k, v in state.items()), markup=False)
    for node, candidates in report.successors.items():
        names = ", ".join(_label(graph, c.get("node")) for c in candidates)
        out.print(f"likely successors of {_label(graph, node)}: {names or '-'}", markup=False)
    if report.relinked:
        out.print(f"recovery ({recovery}) added {len(report.relinked)} ties", markup=False)


@network_app.command("export")
def export_command(path: Optional[Path] = typer.Argument(None, metavar="[OUTPUT]",
                                                         help="File to write (the same as -o)."),
                   output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write."),
                   db: Optional[str] = DbOption,
                   format: str = typer.Option("graphml", "--format", "-f", help="graphml, gexf or ftm (JSON lines)."),
                   co_mentions: bool = typer.Option(False, help="Also tie entities named in the same articles.")) -> None:
    """Write the network as GraphML, GEXF (Gephi) or FollowTheMoney entities (Aleph, OpenSanctions tools).

    The file: `fuentes network export -o net.graphml` (like `fuentes export -o`), or the path as an argument."""
    from fuentes.cli_common import err
    from fuentes.cli_common import open_existing as _open
    from fuentes.export.graph import write_gexf, write_graphml

    if path is not None and output is not None and path != output:
        err.print(f"error: two files to write ({path} and -o {output}); give one", markup=False)
        raise typer.Exit(2)
    output = output or path
    if output is None:
        err.print("error: say which file to write: fuentes network export -o FILE", markup=False)
        raise typer.Exit(2)

    if format == "ftm":
        from fuentes.export.ftm import export_ftm, write_ftm
        from fuentes.store.analysis import load_corpus_entities, load_corpus_events, load_corpus_relations
        from fuentes.store.articles import iter_articles

        store = _open(db)
        records = export_ftm(articles=list(iter_articles(store)), entities=load_corpus_entities(store),
                             relations=load_corpus_relations(store), events=load_corpus_events(store))
        write_ftm(records, output)
        out.print(f"{len(records)} FollowTheMoney entities written to {output}", markup=False)
        return
    writers = {"graphml": write_graphml, "gexf": write_gexf}
    if format not in writers:
        out.print(f"error: unknown format {format!r}; use graphml, gexf or ftm", markup=False)
        raise typer.Exit(2)
    graph = _graph(db, None, None, None, False, co_mentions)
    writers[format](graph, output)
    out.print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} ties written to {output}", markup=False)


@network_app.command("key-players")
def key_players_command(db: Optional[str] = DbOption, k: int = typer.Option(3, "-k", help="Size of the set."),
                        co_mentions: bool = typer.Option(False, help="Also tie entities named in the same articles.")
                        ) -> None:
    """Borgatti key-player set: the k entities whose removal fragments the network most."""
    from fuentes.network.disruption import fragmentation, key_players

    graph = _graph(db, None, None, None, False, co_mentions)
    if graph.number_of_edges() == 0:
        out.print("no relations in the store match (run `fuentes analyse`, or try --co-mentions)")
        return
    chosen, after = key_players(graph, k)
    out.print(f"fragmentation {fragmentation(graph):.3f} -> {after:.3f} after removing: "
              + ", ".join(_label(graph, n) for n in chosen), markup=False)


@network_app.command()
def population(data: Optional[Path] = typer.Option(None, help="Folder with BACRIM2020_{Nodes,Alliances,Rivals}.csv "
                                                            "(default: ../shared/data/prieto-curiel-recruitment)."),
               years: int = typer.Option(5, help="Years to project from 2022."),
               db: Optional[str] = typer.Option(None, "--db", hidden=True)) -> None:
    """Cartel population model (Prieto-Curiel, Campedelli & Hope, Science 2023): 2012-2022 fit and policy scenarios.

    Reads the published BACRIM2020 tables (--data), not the store: unlike the other commands it
    takes no --db, because the model is fitted to those national figures, not to the articles."""
    from fuentes.cli_common import err
    from fuentes.errors import FuentesError

    if db is not None:
        err.print("error: `fuentes network population` does not read the store (--db); it reads the BACRIM2020 "
                  "tables in the folder given by --data", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    from fuentes.network.datasets import load_cartels
    from fuentes.network.population import from_cartels, projections

    try:
        results = projections(from_cartels(load_cartels(data)), horizon=52 * years)
    except (FuentesError, OSError) as error:
        out.print(f"error: {error}", markup=False)
        raise typer.Exit(2)
    calibration = results.pop("calibration")
    out.print(f"members 2012 {calibration['members_2012']:,} -> 2022 {calibration['members_2022']:,}; "
              f"recruits a week {calibration['mean_weekly_recruits_2012_2022']} (mean 2012-2022), "
              f"{calibration['weekly_recruits_2022']} in 2022", markup=False)
    for name, summary in results.items():
        out.print(f"{name:>24}: members {summary['members_change_pct']:+.1f} %, weekly deaths "
                  f"{summary['deaths_change_pct']:+.1f} % after {years} years", markup=False)
