import { Component, type ErrorInfo, type ReactNode } from 'react'

type Props = {
  /** What to show instead of the children, given the error and a way to try again. */
  fallback: (props: { error: unknown; reset: () => void }) => ReactNode
  onReset?: () => void
  /** The boundary clears itself when any of these change (e.g. the route). */
  resetKeys?: unknown[]
  children: ReactNode
}

type State = { error: unknown; hasError: boolean; keys: unknown[] }

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, hasError: false, keys: this.props.resetKeys ?? [] }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, hasError: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    const keys = props.resetKeys ?? []
    const changed =
      keys.length !== state.keys.length || keys.some((k, i) => !Object.is(k, state.keys[i]))
    if (!changed) return null
    return { keys, ...(state.hasError ? { error: null, hasError: false } : {}) }
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    if (import.meta.env.DEV)
      console.warn('Caught by an error boundary:', error, info.componentStack)
  }

  reset = () => {
    this.props.onReset?.()
    this.setState({ error: null, hasError: false })
  }

  render() {
    if (this.state.hasError)
      return this.props.fallback({ error: this.state.error, reset: this.reset })
    return this.props.children
  }
}
