//! Event ids used twice, found without holding every id in memory: ids are sorted with where
//! they were read (on disk beyond a budget) and the first reuse in input order is reported.

use crate::spill::{self, SpillSort};

/// An event id and where it was read, to find ids used twice without holding them all.
pub(super) fn id_record(id: &str, file: u32, line: u64) -> Vec<u8> {
    let mut r = Vec::with_capacity(id.len() + 14);
    spill::key(&mut r, id);
    r.extend_from_slice(&file.to_be_bytes());
    r.extend_from_slice(&line.to_be_bytes());
    r
}

/// The first event (in input order) whose id an earlier event has, with that earlier one.
pub(super) fn first_duplicate(
    ids: SpillSort,
    files: &[String],
) -> std::io::Result<Option<(String, crate::gazetteer::Origin, crate::gazetteer::Origin)>> {
    let origin = |rest: &[u8]| {
        let file = u32::from_be_bytes(rest[..4].try_into().expect("4 bytes")) as usize;
        let line = u64::from_be_bytes(rest[4..12].try_into().expect("8 bytes"));
        ((file, line), crate::gazetteer::Origin { file: files[file].clone(), line })
    };
    let mut previous: Option<Vec<u8>> = None;
    let mut found: Option<((usize, u64), String, crate::gazetteer::Origin, crate::gazetteer::Origin)> = None;
    for r in ids.finish()? {
        let r = r?;
        let (id, rest) = spill::split_key(&r).ok_or_else(|| std::io::Error::other("corrupt id record"))?;
        if let Some(p) = &previous
            && let Some((pid, prest)) = spill::split_key(p)
            && pid == id
        {
            // Sorted by id, then input order: `p` came first.
            let (at, second) = origin(rest);
            if found.as_ref().is_none_or(|f| at < f.0) {
                found = Some((at, id, origin(prest).1, second));
            }
            continue; // keep the first occurrence as `previous`
        }
        previous = Some(r);
    }
    Ok(found.map(|(_, id, first, second)| (id, first, second)))
}
