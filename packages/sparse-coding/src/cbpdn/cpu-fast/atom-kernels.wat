;; SIMD kernels of the cpu-fast CBPDN backend, assembled at load time with wabt.
;; They work in place on buffers of a PFFFT plan's memory (imported).
;; Spectra use PFFFT's SIMD order: blocks of 32 bytes, four real parts then
;; their four imaginary parts (float32). Addresses are byte offsets, aligned to 16.
(module
  (import "env" "memory" (memory 1))

  ;; X_k = (b_k - conj(D_k) a) / rho with b_k = conj(D_k) S + rho Z_k, for `blocks` blocks.
  (func (export "formX")
    (param $d i32) (param $z i32) (param $s i32) (param $g i32) (param $out i32) (param $blocks i32) (param $rho f32)
    (local $end i32) (local $rho4 v128)
    (local $dr v128) (local $di v128) (local $sr v128) (local $si v128)
    (local $br v128) (local $bi v128) (local $ar v128) (local $ai v128)
    (local.set $rho4 (f32x4.splat (local.get $rho)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $blocks) (i32.const 5))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $dr (v128.load (local.get $d)))
        (local.set $di (v128.load offset=16 (local.get $d)))
        (local.set $sr (v128.load (local.get $s)))
        (local.set $si (v128.load offset=16 (local.get $s)))
        ;; b = conj(d) s + rho z
        (local.set $br (f32x4.add
          (f32x4.add (f32x4.mul (local.get $dr) (local.get $sr)) (f32x4.mul (local.get $di) (local.get $si)))
          (f32x4.mul (local.get $rho4) (v128.load (local.get $z)))))
        (local.set $bi (f32x4.add
          (f32x4.sub (f32x4.mul (local.get $dr) (local.get $si)) (f32x4.mul (local.get $di) (local.get $sr)))
          (f32x4.mul (local.get $rho4) (v128.load offset=16 (local.get $z)))))
        (local.set $ar (v128.load (local.get $g)))
        (local.set $ai (v128.load offset=16 (local.get $g)))
        ;; (b - conj(d) a) / rho
        (v128.store (local.get $out) (f32x4.div
          (f32x4.sub (local.get $br) (f32x4.add (f32x4.mul (local.get $dr) (local.get $ar)) (f32x4.mul (local.get $di) (local.get $ai))))
          (local.get $rho4)))
        (v128.store offset=16 (local.get $out) (f32x4.div
          (f32x4.sub (local.get $bi) (f32x4.sub (f32x4.mul (local.get $dr) (local.get $ai)) (f32x4.mul (local.get $di) (local.get $ar))))
          (local.get $rho4)))
        (local.set $d (i32.add (local.get $d) (i32.const 32)))
        (local.set $z (i32.add (local.get $z) (i32.const 32)))
        (local.set $s (i32.add (local.get $s) (i32.const 32)))
        (local.set $g (i32.add (local.get $g) (i32.const 32)))
        (local.set $out (i32.add (local.get $out) (i32.const 32)))
        (br $next))))

  ;; products += D_k * V (complex, per value), with the products in float64 blocks
  ;; of 64 bytes (four real parts, then four imaginary parts).
  (func (export "accumulateProducts")
    (param $v i32) (param $d i32) (param $p i32) (param $blocks i32)
    (local $end i32) (local $dr v128) (local $di v128) (local $vr v128) (local $vi v128) (local $re v128) (local $im v128)
    (local.set $end (i32.add (local.get $v) (i32.shl (local.get $blocks) (i32.const 5))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $v) (local.get $end)))
        (local.set $dr (v128.load (local.get $d)))
        (local.set $di (v128.load offset=16 (local.get $d)))
        (local.set $vr (v128.load (local.get $v)))
        (local.set $vi (v128.load offset=16 (local.get $v)))
        (local.set $re (f32x4.sub (f32x4.mul (local.get $dr) (local.get $vr)) (f32x4.mul (local.get $di) (local.get $vi))))
        (local.set $im (f32x4.add (f32x4.mul (local.get $dr) (local.get $vi)) (f32x4.mul (local.get $di) (local.get $vr))))
        (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p)) (f64x2.promote_low_f32x4 (local.get $re))))
        (v128.store offset=16 (local.get $p) (f64x2.add (v128.load offset=16 (local.get $p))
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $re) (local.get $re)))))
        (v128.store offset=32 (local.get $p) (f64x2.add (v128.load offset=32 (local.get $p)) (f64x2.promote_low_f32x4 (local.get $im))))
        (v128.store offset=48 (local.get $p) (f64x2.add (v128.load offset=48 (local.get $p))
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $im) (local.get $im)))))
        (local.set $v (i32.add (local.get $v) (i32.const 32)))
        (local.set $d (i32.add (local.get $d) (i32.const 32)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $next))))

  ;; u = u / factor, then out = y - u, on `count` floats (a multiple of 4).
  (func (export "rescaleDual")
    (param $y i32) (param $u i32) (param $out i32) (param $count i32) (param $factor f32)
    (local $end i32) (local $factor4 v128) (local $uv v128)
    (local.set $factor4 (f32x4.splat (local.get $factor)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $uv (f32x4.div (v128.load (local.get $u)) (local.get $factor4)))
        (v128.store (local.get $u) (local.get $uv))
        (v128.store (local.get $out) (f32x4.sub (v128.load (local.get $y)) (local.get $uv)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (local.set $u (i32.add (local.get $u) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $next))))

  ;; Adds the four float32 lanes of $acc into the float64 at $address.
  (func $addLanes (param $address i32) (param $acc v128)
    (f64.store (local.get $address) (f64.add (f64.load (local.get $address))
      (f64.add
        (f64.add (f64.promote_f32 (f32x4.extract_lane 0 (local.get $acc))) (f64.promote_f32 (f32x4.extract_lane 1 (local.get $acc))))
        (f64.add (f64.promote_f32 (f32x4.extract_lane 2 (local.get $acc))) (f64.promote_f32 (f32x4.extract_lane 3 (local.get $acc))))))))

  ;; Relaxation, soft thresholding and dual update on `rows` rows of `width` floats:
  ;;   r = alpha x + (1 - alpha) y, v = r + u, y = sign(v) max(|v| - threshold, 0),
  ;;   u = u + r - y, and x is overwritten with y - u.
  ;; Adds x², y², u², (x - y)², (y - y_prev)², |x|, |y| into the 7 float64 at $sums,
  ;; summed in float32 within a row and in float64 across rows.
  (func (export "shrink")
    (param $x i32) (param $y i32) (param $u i32) (param $rows i32) (param $width i32)
    (param $alpha f32) (param $threshold f32) (param $nonNegative i32) (param $sums i32)
    (local $rowEnd i32) (local $row i32)
    (local $alpha4 v128) (local $beta4 v128) (local $threshold4 v128) (local $sign v128) (local $zero v128)
    (local $xv v128) (local $yp v128) (local $r v128) (local $vv v128) (local $yv v128) (local $uv v128) (local $t v128)
    (local $sxx v128) (local $syy v128) (local $suu v128) (local $spp v128) (local $scc v128) (local $sax v128) (local $say v128)
    (local.set $alpha4 (f32x4.splat (local.get $alpha)))
    (local.set $beta4 (f32x4.splat (f32.sub (f32.const 1) (local.get $alpha))))
    (local.set $threshold4 (f32x4.splat (local.get $threshold)))
    (local.set $sign (i32x4.splat (i32.const 0x80000000)))
    (local.set $zero (f32x4.splat (f32.const 0)))
    (block $rowsDone
      (loop $nextRow
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $sxx (local.get $zero)) (local.set $syy (local.get $zero)) (local.set $suu (local.get $zero))
        (local.set $spp (local.get $zero)) (local.set $scc (local.get $zero)) (local.set $sax (local.get $zero))
        (local.set $say (local.get $zero))
        (local.set $rowEnd (i32.add (local.get $x) (i32.shl (local.get $width) (i32.const 2))))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $x) (local.get $rowEnd)))
            (local.set $xv (v128.load (local.get $x)))
            (local.set $yp (v128.load (local.get $y)))
            (local.set $r (f32x4.add (f32x4.mul (local.get $alpha4) (local.get $xv)) (f32x4.mul (local.get $beta4) (local.get $yp))))
            (local.set $vv (f32x4.add (local.get $r) (v128.load (local.get $u))))
            ;; max(|v| - threshold, 0) with the sign of v
            (local.set $yv (v128.or
              (f32x4.max (f32x4.sub (f32x4.abs (local.get $vv)) (local.get $threshold4)) (local.get $zero))
              (v128.and (local.get $vv) (local.get $sign))))
            ;; -0 becomes +0 (and negatives 0 when nonNegative)
            (if (local.get $nonNegative)
              (then (local.set $yv (f32x4.max (local.get $yv) (local.get $zero))))
              (else (local.set $yv (f32x4.add (local.get $yv) (local.get $zero)))))
            (local.set $uv (f32x4.sub (f32x4.add (v128.load (local.get $u)) (local.get $r)) (local.get $yv)))
            (v128.store (local.get $y) (local.get $yv))
            (v128.store (local.get $u) (local.get $uv))
            (v128.store (local.get $x) (f32x4.sub (local.get $yv) (local.get $uv)))
            (local.set $sxx (f32x4.add (local.get $sxx) (f32x4.mul (local.get $xv) (local.get $xv))))
            (local.set $syy (f32x4.add (local.get $syy) (f32x4.mul (local.get $yv) (local.get $yv))))
            (local.set $suu (f32x4.add (local.get $suu) (f32x4.mul (local.get $uv) (local.get $uv))))
            (local.set $t (f32x4.sub (local.get $xv) (local.get $yv)))
            (local.set $spp (f32x4.add (local.get $spp) (f32x4.mul (local.get $t) (local.get $t))))
            (local.set $t (f32x4.sub (local.get $yv) (local.get $yp)))
            (local.set $scc (f32x4.add (local.get $scc) (f32x4.mul (local.get $t) (local.get $t))))
            (local.set $sax (f32x4.add (local.get $sax) (f32x4.abs (local.get $xv))))
            (local.set $say (f32x4.add (local.get $say) (f32x4.abs (local.get $yv))))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $y (i32.add (local.get $y) (i32.const 16)))
            (local.set $u (i32.add (local.get $u) (i32.const 16)))
            (br $next)))
        (call $addLanes (local.get $sums) (local.get $sxx))
        (call $addLanes (i32.add (local.get $sums) (i32.const 8)) (local.get $syy))
        (call $addLanes (i32.add (local.get $sums) (i32.const 16)) (local.get $suu))
        (call $addLanes (i32.add (local.get $sums) (i32.const 24)) (local.get $spp))
        (call $addLanes (i32.add (local.get $sums) (i32.const 32)) (local.get $scc))
        (call $addLanes (i32.add (local.get $sums) (i32.const 40)) (local.get $sax))
        (call $addLanes (i32.add (local.get $sums) (i32.const 48)) (local.get $say))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $nextRow))))
)
