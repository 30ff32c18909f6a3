from fuentes.unionfind import UnionFind


def test_groups_take_the_smallest_index_as_root_and_keep_the_reasons():
    groups = UnionFind(5)
    groups.union(3, 1, "same name")
    groups.union(4, 3)
    assert groups.find(4) == groups.find(1) == 1
    assert groups.find(2) == 2
    assert groups.why == [(3, 1, "same name")]
    groups.union(1, 4, "already joined")
    assert groups.why == [(3, 1, "same name")]
