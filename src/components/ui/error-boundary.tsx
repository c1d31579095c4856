import { Component, type ReactNode } from 'react'

type Props = {
  fallback: (props: { error: unknown; reset: () => void }) => ReactNode
  onReset?: () => void
  /** The boundary clears itself when this changes (the route). */
  resetKey?: unknown
  children: ReactNode
}

// The error is boxed: a component may throw anything, undefined included.
type State = { caught?: { error: unknown }; key: unknown }

export class ErrorBoundary extends Component<Props, State> {
  state: State = { key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { caught: { error } }
  }

  static getDerivedStateFromProps({ resetKey }: Props, state: State): Partial<State> | null {
    return Object.is(resetKey, state.key) ? null : { key: resetKey, caught: undefined }
  }

  reset = () => {
    this.props.onReset?.()
    this.setState({ caught: undefined })
  }

  render() {
    const { caught } = this.state
    return caught
      ? this.props.fallback({ error: caught.error, reset: this.reset })
      : this.props.children
  }
}
