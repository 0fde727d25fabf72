extension APIRouter {
    /// The methods `routes` documents for `path` (e.g. `["GET"]` for `/metrics`); empty for an unknown path.
    /// A request with another method on a known path gets 405 with `Allow:` rather than 404.
    public static func allowedMethods(for path: String) -> [String] {
        let parts = path.split(separator: "/")
        return routes.compactMap { route in
            let pieces = route.split(separator: " ")
            guard pieces.count == 2 else { return nil }
            let template = pieces[1].split(separator: "/")
            guard template.count == parts.count,
                zip(template, parts).allSatisfy({ $0.hasPrefix("{") || $0 == $1 })
            else { return nil }
            return String(pieces[0])
        }
    }
}
