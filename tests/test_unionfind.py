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


def test_added_sets_join_like_the_first_ones():
    uf = UnionFind(2)
    key = uf.add()
    assert key == 2 and uf.find(key) == key
    uf.union(1, key)
    uf.union(key, 0)
    assert uf.find(1) == uf.find(2) == 0  # the smaller index is the root
