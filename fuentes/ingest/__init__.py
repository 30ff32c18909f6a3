"""Readers: turn paths, folders, URLs and feeds into RawDocuments (or Rejections)."""
