/// A bounded-cost Nelder-Mead minimiser (standard coefficients: reflect 1, expand 2, contract ½, shrink ½).
struct NelderMead {
    /// The most objective evaluations one minimisation may spend.
    var maxEvaluations: Int
    /// The initial simplex edge along each coordinate.
    var initialStep: Double = 0.5

    /// Minimises `objective` from `start`; returns the best point and value found within the budget.
    func minimize(from start: [Double], _ objective: ([Double]) -> Double) -> (point: [Double], value: Double) {
        let n = start.count
        var evaluations = 0
        func evaluate(_ x: [Double]) -> Double {
            evaluations += 1
            let value = objective(x)
            return value.isFinite ? value : .greatestFiniteMagnitude
        }
        var simplex: [([Double], Double)] = [(start, evaluate(start))]
        for i in 0..<n {
            var vertex = start
            vertex[i] += initialStep
            simplex.append((vertex, evaluate(vertex)))
        }
        func combine(_ a: [Double], _ b: [Double], _ t: Double) -> [Double] {
            zip(a, b).map { $0 + t * ($1 - $0) }
        }
        while evaluations < maxEvaluations {
            simplex.sort { $0.1 < $1.1 }
            let worst = simplex[n]
            var centroid = [Double](repeating: 0, count: n)
            for vertex in simplex.dropLast() {
                for i in 0..<n { centroid[i] += vertex.0[i] / Double(n) }
            }
            let reflected = combine(centroid, worst.0, -1)
            let reflectedValue = evaluate(reflected)
            if reflectedValue < simplex[0].1 {
                let expanded = combine(centroid, worst.0, -2)
                let expandedValue = evaluate(expanded)
                simplex[n] = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue)
            } else if reflectedValue < simplex[n - 1].1 {
                simplex[n] = (reflected, reflectedValue)
            } else {
                let contracted = combine(centroid, worst.0, 0.5)
                let contractedValue = evaluate(contracted)
                if contractedValue < worst.1 {
                    simplex[n] = (contracted, contractedValue)
                } else {
                    for i in 1...n {
                        let shrunk = combine(simplex[0].0, simplex[i].0, 0.5)
                        simplex[i] = (shrunk, evaluate(shrunk))
                    }
                }
            }
        }
        let best = simplex.min { $0.1 < $1.1 }!
        return (best.0, best.1)
    }
}
